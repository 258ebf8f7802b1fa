package io.rcbench.ddp.ws;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;

/** Decodes a text message's UTF-8 in one pass and refuses invalid input, as RFC 6455 (8.1) requires. */
final class Utf8 {
    private Utf8() {
    }

    /**
     * The text of {@code len} bytes at {@code off}. The JDK's decoder (fast for ASCII) replaces every malformed
     * sequence with U+FFFD, so only a text containing that character needs the strict check: it may have been sent
     * as such.
     *
     * @throws InvalidDataException with close code 1007 when the bytes are not valid UTF-8
     */
    static String decode(byte[] bytes, int off, int len) throws InvalidDataException {
        String text = new String(bytes, off, len, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            try {
                StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, off, len));
            } catch (CharacterCodingException e) {
                throw new InvalidDataException(CloseFrame.NO_UTF8, "text message is not valid UTF-8");
            }
        }
        return text;
    }
}
