package dev.rapport.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** Static checks of the kustomize manifests under {@code k8s/}; no cluster and no Quarkus needed. */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final YAMLMapper YAML = new YAMLMapper();

    @TestFactory
    Stream<DynamicTest> everyManifestParsesIntoTheTypedModelWithoutUnknownFields() throws IOException {
        return manifests().stream()
                .map(file -> dynamicTest(file.toString(), () -> {
                    Object parsed;
                    try (InputStream in = Files.newInputStream(file)) {
                        parsed = SERIALIZATION.unmarshal(in);
                    } catch (RuntimeException e) {
                        throw new AssertionError(file + " is not a valid Kubernetes manifest: " + e.getMessage(), e);
                    }
                    assertThat(parsed)
                            .as("%s must hold exactly one resource", file)
                            .isInstanceOf(HasMetadata.class);
                    HasMetadata resource = (HasMetadata) parsed;
                    assertThat(resource instanceof GenericKubernetesResource)
                            .as(
                                    "%s: %s %s is not a known apiVersion/kind",
                                    file, resource.getApiVersion(), resource.getKind())
                            .isFalse();
                    assertThat(resource.getApiVersion())
                            .as("%s apiVersion", file)
                            .isNotBlank();
                    assertThat(resource.getKind()).as("%s kind", file).isNotBlank();
                    assertThat(resource.getMetadata()).as("%s metadata", file).isNotNull();
                    assertThat(resource.getMetadata().getName())
                            .as("%s metadata.name", file)
                            .isNotBlank();
                    // fabric8 models keep unknown (misspelled) and mistyped fields in additionalProperties
                    // via @JsonAnySetter instead of failing, so FAIL_ON_UNKNOWN_PROPERTIES cannot catch them.
                    assertThat(unknownFields(resource, resource.getKind()))
                            .as("%s contains fields that are not part of the Kubernetes schema", file)
                            .isEmpty();
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyKustomizationReferencesExistingFiles() throws IOException {
        return kustomizations().stream()
                .map(kustomization -> dynamicTest(kustomization.toString(), () -> {
                    List<String> references = references(kustomization);
                    assertThat(references)
                            .as("%s lists no resources or patches", kustomization)
                            .isNotEmpty();
                    for (String reference : references) {
                        assertThat(kustomization.resolveSibling(reference))
                                .as("%s references %s", kustomization, reference)
                                .exists();
                    }
                }));
    }

    @Test
    void everyManifestIsReferencedByAKustomization() throws IOException {
        List<Path> referenced = new ArrayList<>();
        for (Path kustomization : kustomizations()) {
            references(kustomization)
                    .forEach(ref ->
                            referenced.add(kustomization.resolveSibling(ref).normalize()));
        }
        assertThat(manifests())
                .as("manifests not used by any kustomization")
                .allSatisfy(file ->
                        assertThat(referenced).as("references to %s", file).contains(file.normalize()));
    }

    @Test
    void deploymentProbesTargetTheQuarkusHealthEndpoints() throws IOException {
        Container container = rapportContainer();
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
        assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
    }

    @Test
    void deploymentContainerDeclaresResourceRequests() throws IOException {
        assertThat(rapportContainer().getResources().getRequests()).containsKeys("cpu", "memory");
    }

    /**
     * The heap the JVM may take ({@code MaxRAMPercentage} of the memory limit) leaves the rest of the JVM the room
     * the benchmark measured beside a 256 MiB heap (RSS 526 MiB: about 270 MiB of metaspace, code cache, threads and
     * buffers); with less the pod is OOM-killed under load.
     */
    @Test
    void theHeapLeavesTheRestOfTheJvmItsMeasuredMemory() throws IOException {
        Container container = rapportContainer();
        long limit = Quantity.getAmountInBytes(
                        container.getResources().getLimits().get("memory"))
                .longValueExact();
        String options = container.getEnv().stream()
                .filter(env -> env.getName().equals("JAVA_OPTS_APPEND"))
                .findFirst()
                .orElseThrow()
                .getValue();
        Matcher percentage =
                Pattern.compile("-XX:MaxRAMPercentage=(\\d+(?:\\.\\d+)?)").matcher(options);
        assertThat(percentage.find())
                .as("JAVA_OPTS_APPEND sets MaxRAMPercentage: %s", options)
                .isTrue();
        long heap = (long) (limit * Double.parseDouble(percentage.group(1)) / 100);

        assertThat(limit - heap)
                .as("memory beside a heap of %d MiB", heap >> 20)
                .isGreaterThanOrEqualTo(280L << 20);
        assertThat(heap).as("heap").isGreaterThanOrEqualTo(192L << 20);
    }

    /** A replica out of heap must exit and be replaced, not stay live while it cannot serve. */
    @Test
    void aJvmOutOfMemoryExits() throws IOException {
        String options = rapportContainer().getEnv().stream()
                .filter(env -> env.getName().equals("JAVA_OPTS_APPEND"))
                .findFirst()
                .orElseThrow()
                .getValue();
        assertThat(options.split(" ")).contains("-XX:+ExitOnOutOfMemoryError");
    }

    private static Container rapportContainer() throws IOException {
        try (InputStream in = Files.newInputStream(K8S.resolve("base/deployment.yaml"))) {
            Deployment deployment = SERIALIZATION.unmarshal(in, Deployment.class);
            assertThat(deployment.getSpec().getTemplate().getSpec().getContainers())
                    .hasSize(1);
            return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        }
    }

    private static List<String> references(Path kustomization) throws IOException {
        JsonNode root = YAML.readTree(kustomization.toFile());
        List<String> references = new ArrayList<>();
        root.path("resources").forEach(node -> references.add(node.asText()));
        root.path("patchesStrategicMerge").forEach(node -> references.add(node.asText()));
        root.path("patches").forEach(node -> {
            if (node.hasNonNull("path")) {
                references.add(node.get("path").asText());
            }
        });
        return references;
    }

    /** Paths of every additionalProperties entry found anywhere in a fabric8 model object graph. */
    private static List<String> unknownFields(Object node, String path) throws IllegalAccessException {
        List<String> found = new ArrayList<>();
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                found.addAll(unknownFields(item, path + "[" + i++ + "]"));
            }
        } else if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                found.addAll(unknownFields(entry.getValue(), path + "." + entry.getKey()));
            }
        } else if (node != null && node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model.")) {
            for (Class<?> type = node.getClass(); type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers())) {
                        continue;
                    }
                    field.setAccessible(true);
                    Object value = field.get(node);
                    if (field.getName().equals("additionalProperties") && value instanceof Map<?, ?> extra) {
                        extra.keySet().forEach(key -> found.add(path + "." + key));
                    } else {
                        found.addAll(unknownFields(value, path + "." + field.getName()));
                    }
                }
            }
        }
        return found;
    }

    private static List<Path> manifests() throws IOException {
        return yamlFiles().stream().filter(file -> !isKustomization(file)).toList();
    }

    private static List<Path> kustomizations() throws IOException {
        return yamlFiles().stream()
                .filter(KubernetesManifestsTest::isKustomization)
                .toList();
    }

    private static boolean isKustomization(Path file) {
        return file.getFileName().toString().equals("kustomization.yaml");
    }

    private static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> files = Files.walk(K8S)) {
            return files.filter(file -> file.toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        }
    }
}
