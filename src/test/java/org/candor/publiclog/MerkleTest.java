package org.candor.publiclog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** RFC 9162 conformance (the transparency-dev vectors) and proofs over trees grown the way the log grows them. */
class MerkleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> inclusionVectors() throws Exception {
        return vectors("inclusion").map(file -> DynamicTest.dynamicTest("inclusion " + file.getParent().getFileName() + "/"
                + file.getFileName(), () -> {
                    JsonNode v = JSON.readTree(file.toFile());
                    boolean ok = Merkle.verifyInclusion(v.path("leafIdx").asLong(), v.path("treeSize").asLong(),
                            b64(v.path("leafHash")), list(v.path("proof")), b64(v.path("root")));
                    assertEquals(!v.path("wantErr").asBoolean(), ok, v.path("desc").asText());
                }));
    }

    @TestFactory
    Stream<DynamicTest> consistencyVectors() throws Exception {
        return vectors("consistency").map(file -> DynamicTest.dynamicTest("consistency " + file.getParent().getFileName()
                + "/" + file.getFileName(), () -> {
                    JsonNode v = JSON.readTree(file.toFile());
                    boolean ok = Merkle.verifyConsistency(v.path("size1").asLong(), v.path("size2").asLong(),
                            list(v.path("proof")), b64(v.path("root1")), b64(v.path("root2")));
                    assertEquals(!v.path("wantErr").asBoolean(), ok, v.path("desc").asText());
                }));
    }

    @Test
    void everyVectorFileIsRead() throws Exception {
        assertEquals(170, Stream.concat(vectors("inclusion"), vectors("consistency")).count());
    }

    @Test
    void proofsFromStoredNodesVerifyForEveryLeafAndManySizePairs() {
        Map<String, byte[]> store = new HashMap<>();
        List<byte[]> leaves = new ArrayList<>();
        Random random = new Random(9162);
        for (int i = 0; i < 300; i++) {
            byte[] leaf = Merkle.leafHash(("entry " + i).getBytes(StandardCharsets.UTF_8));
            leaves.add(leaf);
            TilesTest.store(store, i, leaf); // how the log stores a leaf and the subtrees it completes
            long size = i + 1;
            Merkle.Nodes nodes = (level, index) -> store.get(level + "/" + index);
            byte[] root = Merkle.root(size, nodes);
            assertArrayEquals(naiveRoot(leaves, 0, leaves.size()), root, "root of " + size);
            for (long m = 0; m < size; m += Math.max(1, size / 7)) {
                assertTrue(Merkle.verifyInclusion(m, size, leaves.get((int) m), Merkle.inclusionProof(m, size, nodes), root));
            }
            long older = random.nextInt((int) size) + 1;
            byte[] olderRoot = Merkle.root(older, nodes);
            assertTrue(Merkle.verifyConsistency(older, size, Merkle.consistencyProof(older, size, nodes), olderRoot, root),
                    "consistency " + older + " → " + size);
        }
        Merkle.Nodes nodes = (level, index) -> store.get(level + "/" + index);
        byte[] root = Merkle.root(300, nodes);
        assertFalse(Merkle.verifyInclusion(5, 300, leaves.get(6), Merkle.inclusionProof(5, 300, nodes), root));
    }

    @Test
    void aProofReadsLogarithmicallyManyNodes() {
        long size = 1_000_000;
        assertTrue(Merkle.nodesRead(n -> Merkle.inclusionProof(123_456, size, n)).size() <= 40);
        assertTrue(Merkle.nodesRead(n -> Merkle.consistencyProof(654_321, size, n)).size() <= 60);
        assertTrue(Merkle.nodesRead(n -> Merkle.root(size, n)).size() <= 20);
    }

    static byte[] naiveRoot(List<byte[]> leaves, int start, int end) {
        int n = end - start;
        if (n == 1) {
            return leaves.get(start);
        }
        int k = Integer.highestOneBit(n - 1);
        return Merkle.nodeHash(naiveRoot(leaves, start, start + k), naiveRoot(leaves, start + k, end));
    }

    private static Stream<Path> vectors(String kind) throws IOException, URISyntaxException {
        Path dir = Path.of(MerkleTest.class.getResource("/rfc9162-merkle/" + kind).toURI());
        return Files.walk(dir).filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
    }

    private static byte[] b64(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : Base64.getDecoder().decode(node.asText());
    }

    private static List<byte[]> list(JsonNode array) {
        List<byte[]> out = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(n -> out.add(Base64.getDecoder().decode(n.asText())));
        }
        return out;
    }
}
