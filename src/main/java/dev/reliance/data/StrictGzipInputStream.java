package dev.reliance.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A gzip decoder that, unlike {@link java.util.zip.GZIPInputStream}, rejects trailing garbage
 * after the last member (GZIPInputStream silently ignores it) and checks CRC-32 and length of
 * every member. Concatenated members are legal gzip and are accepted. Errors are IOExceptions
 * with a short one-line reason; callers add the file name.
 */
final class StrictGzipInputStream extends InputStream {
    private static final int FHCRC = 2, FEXTRA = 4, FNAME = 8, FCOMMENT = 16;

    private final PushbackInputStream in;
    private final byte[] inBuf = new byte[64 * 1024];
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private int lastInputLength;
    private long memberBytes;
    private boolean eof;

    StrictGzipInputStream(InputStream raw) throws IOException {
        this.in = new PushbackInputStream(raw, inBuf.length);
        readHeader();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (!eof) {
            if (inflater.needsInput()) {
                int n = in.read(inBuf);
                if (n < 0) throw new EOFException("truncated gzip data");
                inflater.setInput(inBuf, 0, n);
                lastInputLength = n;
            }
            int k;
            try {
                k = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new IOException("corrupt gzip data (" + e.getMessage() + ")");
            }
            crc.update(b, off, k);
            memberBytes += k;
            if (inflater.finished()) endMember();
            if (k > 0) return k;
            if (inflater.needsDictionary()) throw new IOException("corrupt gzip data (needs a dictionary)");
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }

    /** Checks the member trailer, then accepts end of file or another member, nothing else. */
    private void endMember() throws IOException {
        int remaining = inflater.getRemaining();
        if (remaining > 0) in.unread(inBuf, lastInputLength - remaining, remaining);
        long storedCrc = readLe32();
        long storedSize = readLe32();
        if (storedCrc != crc.getValue()) throw new IOException("gzip CRC mismatch (corrupt data)");
        if (storedSize != (memberBytes & 0xffffffffL)) throw new IOException("gzip length mismatch (corrupt data)");
        int b1 = in.read();
        if (b1 < 0) {
            eof = true;
            return;
        }
        int b2 = in.read();
        if (b1 != 0x1f || b2 != 0x8b) throw new IOException("trailing garbage after the gzip data");
        in.unread(b2);
        in.unread(b1);
        inflater.reset();
        crc.reset();
        memberBytes = 0;
        readHeader();
    }

    private void readHeader() throws IOException {
        if (readByte() != 0x1f || readByte() != 0x8b) throw new IOException("not gzip data");
        if (readByte() != 8) throw new IOException("unsupported gzip compression method");
        int flags = readByte();
        if ((flags & 0xe0) != 0) throw new IOException("corrupt gzip header (reserved flags set)");
        for (int i = 0; i < 6; i++) readByte(); // mtime, xfl, os
        if ((flags & FEXTRA) != 0) {
            int xlen = readByte() | (readByte() << 8);
            for (int i = 0; i < xlen; i++) readByte();
        }
        if ((flags & FNAME) != 0) skipZeroTerminated();
        if ((flags & FCOMMENT) != 0) skipZeroTerminated();
        if ((flags & FHCRC) != 0) {
            readByte();
            readByte();
        }
    }

    private void skipZeroTerminated() throws IOException {
        // Bounded so that a header without a terminator cannot make us scan forever.
        for (int i = 0; i < 64 * 1024; i++) {
            if (readByte() == 0) return;
        }
        throw new IOException("corrupt gzip header (unterminated name)");
    }

    private long readLe32() throws IOException {
        long v = 0;
        for (int i = 0; i < 4; i++) v |= (long) readByte() << (8 * i);
        return v;
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) throw new EOFException("truncated gzip data");
        return b;
    }
}
