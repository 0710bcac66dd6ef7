package dev.reliance.run;

import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reliance.util.Json;

/** Tool and library versions, recorded with every result. */
public final class Versions {
    private Versions() {}

    public static String tool() {
        String v = Versions.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    public static ObjectNode asJson() {
        ObjectNode v = Json.object();
        v.put("reliance", tool());
        v.put("djl", Engine.getDjlVersion());
        v.put("pytorch", Engine.getEngine("PyTorch").getVersion());
        v.put("java", System.getProperty("java.version"));
        v.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return v;
    }
}
