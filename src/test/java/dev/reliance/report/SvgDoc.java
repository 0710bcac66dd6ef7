package dev.reliance.report;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Test helper: parses SVG text strictly as XML and finds elements by tag and class. */
final class SvgDoc {
    static final String NS = "http://www.w3.org/2000/svg";
    final Document doc;

    private SvgDoc(Document doc) {
        this.doc = doc;
    }

    /** Throws if the SVG is not well-formed XML. */
    static SvgDoc parse(String svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return new SvgDoc(f.newDocumentBuilder().parse(new InputSource(new StringReader(svg))));
        } catch (Exception e) {
            throw new AssertionError("SVG is not well-formed: " + e.getMessage() + "\n" + svg, e);
        }
    }

    Element root() {
        return doc.getDocumentElement();
    }

    /** Elements named {@code tag} (in the SVG namespace) whose class list contains every given class. */
    List<Element> find(String tag, String... classes) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagNameNS(NS, tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            List<String> have = List.of(e.getAttribute("class").split("\\s+"));
            if (have.containsAll(List.of(classes))) {
                out.add(e);
            }
        }
        return out;
    }

    /** Text contents of the {@code <text>} elements inside the group of class {@code groupClass}. */
    List<String> texts(String groupClass) {
        List<String> out = new ArrayList<>();
        for (Element g : find("g", groupClass)) {
            NodeList t = g.getElementsByTagNameNS(NS, "text");
            for (int i = 0; i < t.getLength(); i++) {
                out.add(t.item(i).getTextContent());
            }
        }
        return out;
    }
}
