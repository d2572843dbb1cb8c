package org.candor.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A notice written before its log entry had a number links the entry's receipt once it has one (a hold's e-mail). */
class MailReceiptLineTest {

    private static final String BODY = "Hello,\n\nYour post is waiting.\n\nReceipt: "
            + MailOutbox.receiptUrl("https://candor.example", MailOutbox.SEQ) + "\n\nThanks\n";

    @Test
    void theEntrysNumberIsWrittenInWhenItHasOne() {
        assertEquals("Hello,\n\nYour post is waiting.\n\nReceipt: https://candor.example/log/entries/42/proof\n\nThanks\n",
                MailOutbox.numbered(BODY, 42L));
    }

    @Test
    void theReceiptLineIsLeftOutWhenTheEntryHasNoNumber() {
        assertEquals("Hello,\n\nYour post is waiting.\n\n\nThanks\n", MailOutbox.numbered(BODY, null));
    }

    @Test
    void aBodyWithItsNumberAlreadyIsSentAsItIs() {
        String numbered = "Receipt: https://candor.example/log/entries/7/proof\n";
        assertEquals(numbered, MailOutbox.numbered(numbered, 9L));
    }
}
