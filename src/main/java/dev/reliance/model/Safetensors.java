package dev.reliance.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reliance.util.AtomicFiles;
import dev.reliance.util.Json;
import dev.reliance.util.UserException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the safetensors format: an 8-byte little-endian header length, a JSON
 * header mapping names to {dtype, shape, data_offsets}, then raw little-endian data. We
 * write F32; we read F32, F64, F16 and BF16 (converted to float). Every header value is
 * checked against the file before anything is allocated from it.
 */
public final class Safetensors {
    private static final long MAX_HEADER = 100L << 20;

    private Safetensors() {}

    /** The tensors of a file and its free-form string metadata. */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {}

    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) {
        ObjectNode header = Json.object();
        if (!metadata.isEmpty()) {
            ObjectNode meta = header.putObject("__metadata__");
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            ObjectNode t = header.putObject(e.getKey());
            t.put("dtype", "F32");
            var shape = t.putArray("shape");
            for (long d : e.getValue().shape()) shape.add(d);
            long bytes = 4L * e.getValue().data().length;
            t.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int pad = (8 - json.length % 8) % 8; // keep the data 8-byte aligned, as the reference writer does
        byte[] headerBytes = new byte[json.length + pad];
        System.arraycopy(json, 0, headerBytes, 0, json.length);
        for (int i = json.length; i < headerBytes.length; i++) headerBytes[i] = ' ';
        long total = offset;
        AtomicFiles.write(file, out -> {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(headerBytes.length);
            out.write(len.array());
            out.write(headerBytes);
            ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (Tensor t : tensors.values()) {
                for (float v : t.data()) {
                    if (!buf.hasRemaining()) {
                        out.write(buf.array(), 0, buf.position());
                        buf.clear();
                    }
                    buf.putFloat(v);
                }
            }
            out.write(buf.array(), 0, buf.position());
            assert total >= 0;
        });
    }

    public static Contents read(Path file) {
        if (!Files.isRegularFile(file)) throw new UserException(file + ": file not found");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) throw bad(file, "too short to be a safetensors file (" + size + " bytes)");
            ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, lenBuf, 0);
            long headerLen = lenBuf.flip().getLong();
            if (headerLen <= 1 || headerLen > MAX_HEADER || headerLen > size - 8) {
                throw bad(file, "header length " + Long.toUnsignedString(headerLen) + " does not fit the file of " + size + " bytes");
            }
            ByteBuffer hb = ByteBuffer.allocate((int) headerLen);
            readFully(ch, hb, 8);
            JsonNode header;
            try {
                header = Json.MAPPER.readTree(new String(hb.array(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw bad(file, "header is not valid JSON");
            }
            if (header == null || !header.isObject()) throw bad(file, "header is not a JSON object");
            long dataStart = 8 + headerLen;
            long dataLen = size - dataStart;
            Map<String, String> metadata = new LinkedHashMap<>();
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            List<long[]> ranges = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> it = header.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("__metadata__")) {
                    e.getValue().fields().forEachRemaining(m -> metadata.put(m.getKey(), m.getValue().asText()));
                    continue;
                }
                tensors.put(e.getKey(), readTensor(file, ch, e.getKey(), e.getValue(), dataStart, dataLen, ranges));
            }
            checkNoOverlap(file, ranges);
            return new Contents(tensors, metadata);
        } catch (IOException e) {
            throw new UserException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static Tensor readTensor(Path file, FileChannel ch, String name, JsonNode t, long dataStart,
            long dataLen, List<long[]> ranges) throws IOException {
        String where = "tensor '" + name + "'";
        if (!t.isObject() || !t.path("dtype").isTextual() || !t.path("shape").isArray()
                || !t.path("data_offsets").isArray() || t.path("data_offsets").size() != 2) {
            throw bad(file, where + " lacks dtype, shape or data_offsets");
        }
        int elementSize = switch (t.get("dtype").asText()) {
            case "F32" -> 4;
            case "F64" -> 8;
            case "F16", "BF16" -> 2;
            default -> throw bad(file, where + " has dtype " + t.get("dtype").asText() + "; supported: F32, F64, F16, BF16");
        };
        long[] shape = new long[t.get("shape").size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = t.get("shape").get(i);
            if (!d.canConvertToLong() || d.asLong() < 0) throw bad(file, where + " has a bad shape");
            shape[i] = d.asLong();
            if (shape[i] > 0 && count > Integer.MAX_VALUE / shape[i]) throw bad(file, where + " is absurdly large");
            count *= shape[i];
        }
        long begin = t.get("data_offsets").get(0).asLong(-1);
        long end = t.get("data_offsets").get(1).asLong(-1);
        if (begin < 0 || end < begin || end > dataLen) {
            throw bad(file, where + " has data_offsets [" + begin + ", " + end + "] outside the " + dataLen + " data bytes");
        }
        if (end - begin != count * elementSize) {
            throw bad(file, where + " has " + (end - begin) + " bytes but its shape needs " + count * elementSize);
        }
        ranges.add(new long[] {begin, end});
        ByteBuffer raw = ByteBuffer.allocate((int) (end - begin)).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, raw, dataStart + begin);
        raw.flip();
        float[] data = new float[(int) count];
        String dtype = t.get("dtype").asText();
        for (int i = 0; i < data.length; i++) {
            data[i] = switch (dtype) {
                case "F32" -> raw.getFloat();
                case "F64" -> (float) raw.getDouble();
                case "F16" -> halfToFloat(raw.getShort());
                default -> Float.intBitsToFloat((raw.getShort() & 0xffff) << 16);
            };
        }
        return new Tensor(shape, data);
    }

    /** IEEE 754 half precision to float (Float.float16ToFloat arrived only in JDK 20). */
    static float halfToFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0x1f) return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        if (exp == 0) {
            float v = mant * 0x1p-24f; // subnormal
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    private static void checkNoOverlap(Path file, List<long[]> ranges) {
        ranges.sort((a, b) -> Long.compare(a[0], b[0]));
        for (int i = 1; i < ranges.size(); i++) {
            if (ranges.get(i)[0] < ranges.get(i - 1)[1]) throw bad(file, "tensors overlap in the data section");
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) throw new IOException("unexpected end of file");
            pos += n;
        }
    }

    private static UserException bad(Path file, String why) {
        return new UserException(file + ": not a valid safetensors file: " + why);
    }
}
