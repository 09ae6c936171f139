package com.quickeats.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The image Jib wrote, in {@code docker save} format: its configuration, and its layers unpacked in order into
 * one directory, owners and modes kept, as a container runtime lays them out.
 */
final class ImageTarball {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path contents;
    private final JsonNode manifest;
    private final JsonNode config;

    private ImageTarball(Path contents) throws IOException {
        this.contents = contents;
        this.manifest = JSON.readTree(contents.resolve("manifest.json").toFile()).get(0);
        this.config = JSON.readTree(contents.resolve(manifest.get("Config").asText()).toFile()).get("config");
    }

    /** Unpacks {@code tarball}'s blobs (not yet its layers) into {@code directory}. */
    static ImageTarball open(Path tarball, Path directory) throws IOException {
        Files.createDirectories(directory);
        Commands.run("tar", "-xf", tarball.toString(), "-C", directory.toString());
        return new ImageTarball(directory);
    }

    /** The image's runtime configuration: {@code Entrypoint}, {@code Env}, {@code User}, {@code WorkingDir}, … */
    JsonNode config() {
        return config;
    }

    List<String> strings(String field) {
        List<String> values = new ArrayList<>();
        config.path(field).forEach(value -> values.add(value.asText()));
        return values;
    }

    /**
     * Unpacks every layer, lowest first, into {@code root}.
     *
     * @return the layers' uncompressed size in bytes
     */
    long unpackLayers(Path root) throws IOException {
        Files.createDirectories(root);
        long bytes = 0;
        for (JsonNode layer : manifest.get("Layers")) {
            Path file = contents.resolve(layer.asText());
            Commands.run("tar", "--warning=no-unknown-keyword", "--numeric-owner", "--same-permissions", "-xzf",
                    file.toString(), "-C", root.toString());
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                bytes += in.transferTo(OutputStream.nullOutputStream());
            }
        }
        return bytes;
    }
}
