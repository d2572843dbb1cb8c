package org.candor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.ValueResolvers;
import io.vertx.core.buffer.Buffer;

/**
 * A page made from a stencil is the page rendered with the reader's values: wherever and however often a slot is
 * written, whatever the rest of the page holds; a stand-in a template does not write as given makes the page rendered
 * as usual, and nothing is kept.
 */
class StencilsTest {

    private final Engine engine = Engine.builder().addDefaults().addValueResolver(ValueResolvers.rawResolver())
            .addValueResolver(new io.quarkus.qute.ReflectionValueResolver()).build();
    private final Stencils stencils = new Stencils(config(), new SimpleMeterRegistry());

    private static PageCacheConfig config() {
        return new PageCacheConfig() {
            @Override
            public long maxBytes() {
                return 1 << 20;
            }

            @Override
            public int maxPageBytes() {
                return 1 << 16;
            }

            @Override
            public Duration expireAfterWrite() {
                return Duration.ofMinutes(1);
            }
        };
    }

    @Test
    void eachReadersValuesGoWhereTheStandInsWere() {
        Template page = engine.parse("<h1>{title}</h1><p>{basis} ☃</p><i>{title}</i><b>{body}</b>");
        Object basis = "kept \u0001not:2\u0001 text";
        for (String[] reader : new String[][] { { "Zoë", "first 😀" }, { "Ana", "" }, { "Zoë", "first 😀" } }) {
            String made = text(stencils.page("k", basis, value -> page.data("basis", basis).data("title",
                    value.apply(0)).data("body", value.apply(1)), reader));
            assertEquals("<h1>" + reader[0] + "</h1><p>" + basis + " ☃</p><i>" + reader[0] + "</i><b>" + reader[1]
                    + "</b>", made);
        }
        assertEquals(2, stencils.hits(), "the first page made the stencil, the next two were made from it");
    }

    @Test
    void aStandInNotWrittenAsGivenMakesThePageAsUsual() {
        Template page = engine.parse("<p>{name.substring(0, 3)}</p>{body}");
        for (int i = 0; i < 2; i++) {
            String made = text(stencils.page("cut", "basis", value -> page.data("name", value.apply(0))
                    .data("body", value.apply(1)), "Zoë Smith", "words"));
            assertEquals("<p>Zoë</p>words", made);
        }
        assertEquals(0, stencils.hits(), "nothing was kept");
    }

    @Test
    void anotherBasisMakesANewStencil() {
        Template page = engine.parse("{basis}:{name}");
        assertEquals("one:A", text(stencils.page("b", "one", v -> page.data("basis", "one").data("name", v.apply(0)), "A")));
        assertEquals("two:B", text(stencils.page("b", "two", v -> page.data("basis", "two").data("name", v.apply(0)), "B")));
        assertEquals(0, stencils.hits());
    }

    @Test
    void aPageIsFilledAgainOnlyFromTheStencilItWasMadeFromWhileItsBasisIsCurrent() {
        Template page = engine.parse("<p>{basis}</p>{name}");
        Object one = "one";
        Stencils.Served first = stencils.page("f", one, v -> page.data("basis", one).data("name", v.apply(0)), "A");
        assertTrue(first.stencil() > 0, "made from a stencil");
        assertEquals("<p>one</p>B &amp; C", text(stencils.fill("f", first.stencil(), basis -> basis == one, "B & C")));
        assertNull(stencils.fill("f", first.stencil(), basis -> false, "B"), "its basis is no longer current");
        assertNull(stencils.fill("f", first.stencil() + 1, basis -> true, "B"), "not the stencil it was made from");
        assertNull(stencils.fill("other", first.stencil(), basis -> true, "B"), "nothing kept under that key");
        Object two = "two";
        stencils.page("f", two, v -> page.data("basis", two).data("name", v.apply(0)), "A");
        assertNull(stencils.fill("f", first.stencil(), basis -> true, "B"), "replaced by a stencil of another basis");
    }

    @Test
    void aStencilMadeAgainWithTheSameBytesServesThePagesRememberedFromTheFirst() {
        Template page = engine.parse("<p>{basis}</p>{name}");
        Object one = "one";
        Stencils.Served first = stencils.page("g", one, v -> page.data("basis", one).data("name", v.apply(0)), "A");
        // the first one gone (a second Stencils, which has made others since, stands for the shelf that let it go)
        Stencils again = new Stencils(config(), new SimpleMeterRegistry());
        again.page("h", "another page", v -> page.data("basis", "another page").data("name", v.apply(0)), "A");
        Stencils.Served remade = again.page("g", one, v -> page.data("basis", one).data("name", v.apply(0)), "B");
        assertEquals(first.stencil(), remade.stencil(), "the same bytes: the same stencil");
        assertEquals("<p>one</p>C", text(again.fill("g", first.stencil(), basis -> basis == one, "C")),
                "a page remembered from the first is answered from the one made again");
        Object two = "two";
        Stencils.Served other = again.page("g", two, v -> page.data("basis", two).data("name", v.apply(0)), "B");
        assertNotEquals(first.stencil(), other.stencil(), "other bytes: another stencil");
        assertNull(again.fill("g", first.stencil(), basis -> true, "C"));
    }

    private static String text(Stencils.Served page) {
        return new String(((Buffer) page.response().getEntity()).getBytes(), StandardCharsets.UTF_8);
    }

    private static String text(byte[][] pieces) {
        return new String(Buffer.buffer(io.netty.buffer.Unpooled.wrappedBuffer(pieces)).getBytes(),
                StandardCharsets.UTF_8);
    }
}
