package dev.reliance.data;

import dev.reliance.util.UserException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds a data set and loads it. Lookup order: the --data folder if given (nothing else);
 * else the folder a distribution package installs (Debian's dataset-fashion-mnist); else a
 * per-user cache, downloading missing files into it from the canonical URLs, checksum-verified.
 */
public final class DatasetLoader {
    /** System property overriding the cache root (tests). */
    public static final String CACHE_PROPERTY = "reliance.cache";
    /** System property overriding the download base URL (mirrors, tests). */
    public static final String BASE_URL_PROPERTY = "reliance.download.base";
    static final int CONNECT_TIMEOUT_MS = 10_000, READ_TIMEOUT_MS = 60_000;
    private static final long MAX_CIFAR_BATCH_BYTES = 64L << 20;

    private final Path cacheRoot;
    private final String baseUrlOverride;
    private final Map<String, String> sha256Overrides;
    private final boolean useSystemDirs;
    private final Downloader downloader;

    /** The defaults: system properties, XDG cache, system folders, progress on stderr. */
    public DatasetLoader() {
        this(defaultCacheRoot(), System.getProperty(BASE_URL_PROPERTY), Map.of(), true, System.err, CONNECT_TIMEOUT_MS);
    }

    /**
     * @param baseUrlOverride  replaces every kind's download base URL; null keeps the canonical ones
     * @param sha256Overrides  expected SHA-256 by remote file name, replacing the built-in ones (tests)
     * @param useSystemDirs    whether to look in distribution package folders
     */
    public DatasetLoader(Path cacheRoot, String baseUrlOverride, Map<String, String> sha256Overrides,
            boolean useSystemDirs, PrintStream log, int connectTimeoutMs) {
        this.cacheRoot = cacheRoot;
        this.baseUrlOverride = baseUrlOverride;
        this.sha256Overrides = Map.copyOf(sha256Overrides);
        this.useSystemDirs = useSystemDirs;
        this.downloader = new Downloader(log, connectTimeoutMs, READ_TIMEOUT_MS);
    }

    /** $reliance.cache, else $XDG_CACHE_HOME/reliance, else ~/.cache/reliance. */
    public static Path defaultCacheRoot() {
        String prop = System.getProperty(CACHE_PROPERTY);
        if (prop != null && !prop.isBlank()) return Path.of(prop);
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) return Path.of(xdg, "reliance");
        return Path.of(System.getProperty("user.home"), ".cache", "reliance");
    }

    /** The cache folder of one data set. */
    public Path cacheDir(DatasetKind kind) {
        return cacheRoot.resolve(kind.cliName());
    }

    /**
     * Loads train and test splits of {@code kind} with the default loader (system properties,
     * user cache, progress on stderr); from {@code dataDirOrNull} alone when it is not null.
     */
    public static DataSplits load(DatasetKind kind, Path dataDirOrNull) {
        return new DatasetLoader().read(kind, dataDirOrNull);
    }

    /** Loads train and test splits of {@code kind}, from {@code dataDir} alone when it is not null. */
    public DataSplits read(DatasetKind kind, Path dataDir) {
        if (dataDir != null) return loadFromOption(kind, dataDir);
        List<Path> looked = new ArrayList<>();
        if (useSystemDirs && kind.systemDir().isPresent()) {
            Path sys = kind.systemDir().get();
            looked.add(sys);
            if (DataFolder.isComplete(kind, sys)) return DataFolder.read(kind, sys);
        }
        Path cache = cacheDir(kind);
        looked.add(cache);
        if (!DataFolder.isComplete(kind, cache)) download(kind, cache, looked);
        return DataFolder.read(kind, cache);
    }

    private static DataSplits loadFromOption(DatasetKind kind, Path dir) {
        if (!Files.isDirectory(dir)) throw new UserException("--data " + dir + ": not a directory");
        List<String> missing = DataFolder.missing(kind, dir);
        if (!missing.isEmpty()) {
            throw new UserException("--data " + dir + ": " + kind.cliName() + " files missing: " + String.join(", ", missing));
        }
        return DataFolder.read(kind, dir);
    }

    private void download(DatasetKind kind, Path cache, List<Path> looked) {
        String base = baseUrl(kind);
        for (RemoteFile f : kind.remoteFiles()) {
            Path target = cache.resolve(f.name());
            if (Files.isRegularFile(target) || Files.isRegularFile(cache.resolve(stripGz(f.name())))) continue;
            String override = sha256Overrides.get(f.name());
            try {
                downloader.fetch(base + f.name(), target, override != null ? override : f.sha256(),
                        override != null ? 0 : f.size());
            } catch (Downloader.NetworkFailure e) {
                throw new UserException(howToGet(kind, looked, base, base + f.name(), e.getMessage()), e);
            }
        }
        if (!kind.isIdx()) extractCifar(kind, cache);
    }

    /** Unpacks the verified archive flat into the cache, then drops it (the batches are all we read). */
    private static void extractCifar(DatasetKind kind, Path cache) {
        Path archive = cache.resolve(kind.remoteFiles().get(0).name());
        Set<String> wanted = new HashSet<>(Cifar10Reader.allFiles());
        Set<String> got = TarExtractor.extract(archive, cache, wanted, Cifar10Reader.FOLDER + "/", MAX_CIFAR_BATCH_BYTES);
        wanted.removeAll(got);
        if (!wanted.isEmpty()) {
            throw new UserException(archive + ": archive lacks " + wanted.stream().sorted().collect(Collectors.joining(", ")));
        }
        try {
            Files.deleteIfExists(archive);
        } catch (IOException ignored) {
            // harmless: a leftover verified archive is reused or ignored
        }
    }

    private String baseUrl(DatasetKind kind) {
        if (baseUrlOverride == null || baseUrlOverride.isBlank()) return kind.defaultBaseUrl();
        return baseUrlOverride.endsWith("/") ? baseUrlOverride : baseUrlOverride + "/";
    }

    private static String howToGet(DatasetKind kind, List<Path> looked, String base, String url, String reason) {
        String where = looked.stream().map(Path::toString).collect(Collectors.joining(" and "));
        String names = kind.remoteFiles().stream().map(RemoteFile::name).collect(Collectors.joining(", "));
        String fix = kind.isIdx()
                ? "download " + names + " from " + base + " into a folder DIR and pass --data DIR"
                : "download " + url + ", extract it into a folder DIR and pass --data DIR";
        if (kind == DatasetKind.FASHION_MNIST) fix = "install Debian's dataset-fashion-mnist, or " + fix;
        return kind.cliName() + " not found in " + where + " and downloading " + url + " failed (" + reason + "): "
                + fix + " (or into " + looked.get(looked.size() - 1) + ")";
    }

    private static String stripGz(String name) {
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }
}
