package dev.reliance.cli;

import dev.reliance.run.Versions;
import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"reliance " + Versions.tool()};
    }
}
