package dev.reliance.report;

/** Minimal SVG text builder: attribute values are always escaped, one element per line. */
final class Svg {
    private final StringBuilder sb = new StringBuilder(8192);

    /** Opens {@code <tag a="v" ...>}; {@code attrs} alternate name, value; null values are omitted. */
    Svg open(String tag, String... attrs) {
        start(tag, attrs);
        sb.append(">\n");
        return this;
    }

    Svg close(String tag) {
        sb.append("</").append(tag).append(">\n");
        return this;
    }

    /** Writes a self-closing element. */
    Svg empty(String tag, String... attrs) {
        start(tag, attrs);
        sb.append("/>\n");
        return this;
    }

    /** Writes {@code <tag attrs>text</tag>} with the text escaped. */
    Svg text(String tag, String content, String... attrs) {
        start(tag, attrs);
        sb.append('>').append(Xml.escape(content)).append("</").append(tag).append(">\n");
        return this;
    }

    private void start(String tag, String... attrs) {
        if (attrs.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name/value pairs");
        }
        sb.append('<').append(tag);
        for (int i = 0; i < attrs.length; i += 2) {
            if (attrs[i + 1] != null) {
                sb.append(' ').append(attrs[i]).append("=\"").append(Xml.escape(attrs[i + 1])).append('"');
            }
        }
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
