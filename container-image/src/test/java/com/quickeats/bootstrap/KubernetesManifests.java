package com.quickeats.bootstrap;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The documents under {@code deploy/kubernetes}, by kind, as the plain maps and lists YAML makes of them. */
final class KubernetesManifests {
    private final Map<String, Map<String, Object>> byKind;

    private KubernetesManifests(Map<String, Map<String, Object>> byKind) {
        this.byKind = byKind;
    }

    static Path directory() {
        return Path.of(System.getProperty("quickeats.repository", ".."), "deploy", "kubernetes");
    }

    static KubernetesManifests load() {
        Map<String, Map<String, Object>> byKind = new HashMap<>();
        try (Stream<Path> files = Files.list(directory())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                        Map<String, Object> manifest = map(document, file.toString());
                        String kind = (String) manifest.get("kind");
                        if (byKind.put(kind, manifest) != null) {
                            throw new AssertionError("two manifests of kind " + kind + " in " + directory());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KubernetesManifests(byKind);
    }

    Map<String, Object> kind(String kind) {
        Map<String, Object> manifest = byKind.get(kind);
        if (manifest == null) {
            throw new AssertionError("no " + kind + " in " + directory() + " (has " + byKind.keySet() + ")");
        }
        return manifest;
    }

    /** The Deployment's one container: the service. */
    Map<String, Object> container() {
        List<Object> containers = list(at(kind("Deployment"), "spec.template.spec.containers"));
        if (containers.size() != 1) {
            throw new AssertionError("the Deployment should run one container, not " + containers.size());
        }
        return map(containers.get(0), "the container");
    }

    /** The container port a probe or Service names, by name or number. */
    int containerPort(Object nameOrNumber) {
        if (nameOrNumber instanceof Integer number) {
            return number;
        }
        return list(container().get("ports")).stream().map(p -> map(p, "a port"))
                .filter(p -> nameOrNumber.equals(p.get("name"))).map(p -> (Integer) p.get("containerPort"))
                .findFirst().orElseThrow(() -> new AssertionError("the container has no port named " + nameOrNumber));
    }

    /** The node at a dotted path of map keys, e.g. {@code spec.template.metadata.labels}. */
    static Object at(Object node, String path) {
        Object current = node;
        for (String key : path.split("\\.")) {
            current = map(current, path).get(key);
            if (current == null) {
                throw new AssertionError("nothing at " + path + " (missing '" + key + "')");
            }
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String what) {
        if (!(node instanceof Map)) {
            throw new AssertionError(what + " should be a mapping, not " + node);
        }
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        if (!(node instanceof List)) {
            throw new AssertionError("expected a list, not " + node);
        }
        return (List<Object>) node;
    }
}
