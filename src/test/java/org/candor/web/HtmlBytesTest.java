package org.candor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.ValueResolvers;

/**
 * A page encoded as it renders is byte for byte the page Qute renders to text and the JDK encodes: kept parts
 * ({@link Fragment}) put in as their bytes wherever they are written, characters of every width around them.
 */
class HtmlBytesTest {

    private final Engine engine = Engine.builder().addDefaults().addValueResolver(ValueResolvers.rawResolver()).build();

    @Test
    void aPageWithKeptPartsIsTheSameBytesAsThePageRenderedToText() {
        Template page = engine.parse("<p>{who} — {#for f in parts}[{f.raw}]{/for} ☃ 🚀</p>");
        List<Fragment> parts = List.of(Fragment.of("<b>Crème 東京 😀</b>"), Fragment.of(""), Fragment.of("plain"));
        String expected = "<p>Zoë — [<b>Crème 東京 😀</b>][][plain] ☃ 🚀</p>";

        byte[] encoded = HtmlBytes.utf8(page.data("who", "Zoë").data("parts", parts));

        assertEquals(expected, new String(encoded, StandardCharsets.UTF_8));
        assertEquals(expected, page.data("who", "Zoë").data("parts", parts).render(), "rendered as text, a part is its HTML");
    }

    @Test
    void aKeptPartInsideTextRenderedWhileThePageRendersIsPutInAsWell() {
        Template inner = engine.parse("<i>{f.raw}</i>");
        Fragment part = Fragment.of("<b>ß</b>");
        // a value that renders a template of its own to text (as a message of a bundle does) while the page renders
        Object nested = new Object() {
            @Override
            public String toString() {
                return inner.data("f", part).render();
            }
        };
        Template page = engine.parse("<p>{nested.raw} and {f.raw}</p>");

        byte[] encoded = HtmlBytes.utf8(page.data("nested", nested).data("f", part));

        assertEquals("<p><i><b>ß</b></i> and <b>ß</b></p>", new String(encoded, StandardCharsets.UTF_8));
    }

    @Test
    void aNulInTextThatIsNoMarkerIsWrittenAsItIs() {
        // what a refused form shows is what was typed, a NUL included; text shaped like a marker stays text
        Template page = engine.parse("{a}|{f.raw}|{b}");
        byte[] encoded = HtmlBytes.utf8(
                page.data("a", "x\u0000y").data("f", Fragment.of("kept")).data("b", "\u00000\u0000"));
        assertEquals("x\u0000y|kept|\u00000\u0000", new String(encoded, StandardCharsets.UTF_8));
    }

    @Test
    void aPageGrowsPastItsFirstBuffer() {
        String big = "é".repeat(40_000);
        Template page = engine.parse("{#for i in items}{i}{/for}{f.raw}");
        byte[] encoded = HtmlBytes.utf8(page.data("items", List.of(big, big)).data("f", Fragment.of(big)));
        assertEquals(big.repeat(3), new String(encoded, StandardCharsets.UTF_8));
    }
}
