package com.quickeats.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The JVM options production runs with live in one file, {@code jvm.options}, which the README's command and
 * {@code bench/run} hand to {@code java} as an argument file. The table that says why each option is there
 * ({@code docs/performance.md}, section "JVM options") lists exactly the options of that file, so neither can
 * change alone; and the container image runs with them too, its heap sized from the container's memory limit
 * rather than by {@code -Xms}/{@code -Xmx}.
 */
class JvmOptionsDocumentationTest {
    private static final Path ROOT = ProjectRoot.path();
    private static final Pattern SECTION = Pattern.compile("(?ms)^## JVM options\\s*$(.*?)(?=^## )");
    private static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\| (`[^|]+`) \\|");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern JVM_FLAG = Pattern.compile("<jvmFlag>([^<]+)</jvmFlag>");

    @Test
    void theTableListsExactlyTheOptionsOfTheFile() throws IOException {
        Set<String> file = fileOptions();
        Matcher section = SECTION.matcher(Files.readString(ROOT.resolve("docs/performance.md")));
        assertThat(section.find()).as("a section '## JVM options' in docs/performance.md").isTrue();
        Set<String> documented = new LinkedHashSet<>();
        Matcher row = TABLE_ROW.matcher(section.group(1));
        while (row.find()) {
            Matcher option = CODE.matcher(row.group(1));
            while (option.find()) {
                documented.add(option.group(1));
            }
        }
        assertThat(file).as("options in jvm.options").isNotEmpty().allMatch(option -> option.startsWith("-"));
        assertThat(documented).as("options in the table of docs/performance.md").isEqualTo(file);
    }

    @Test
    void theReadmeAndTheBenchmarkRunTheServiceWithTheFile() throws IOException {
        assertThat(Files.readString(ROOT.resolve("README.md")))
                .contains("java @jvm.options -jar bootstrap/target/quickeats.jar");
        assertThat(Files.readString(ROOT.resolve("bench/run"))).contains("@$ROOT/jvm.options");
    }

    @Test
    void theContainerRunsWithTheOptionsOfTheFileItsHeapFromItsMemoryLimit() throws IOException {
        Set<String> image = new LinkedHashSet<>();
        Matcher flag = JVM_FLAG.matcher(Files.readString(ROOT.resolve("container-image/pom.xml")));
        while (flag.find()) {
            image.add(flag.group(1).strip());
        }
        Set<String> heapless = new LinkedHashSet<>(fileOptions());
        heapless.removeIf(option -> option.startsWith("-Xms") || option.startsWith("-Xmx"));
        assertThat(image).as("<jvmFlag>s of container-image/pom.xml")
                .anyMatch(option -> option.startsWith("-XX:MaxRAMPercentage="));
        image.removeIf(option -> option.startsWith("-XX:MaxRAMPercentage="));
        assertThat(image).as("<jvmFlag>s of container-image/pom.xml but the heap's").isEqualTo(heapless);
    }

    private static Set<String> fileOptions() throws IOException {
        return new LinkedHashSet<>(Arrays.asList(Files.readString(ROOT.resolve("jvm.options")).strip().split("\\s+")));
    }
}
