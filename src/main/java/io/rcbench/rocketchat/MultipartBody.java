package io.rcbench.rocketchat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/** A multipart/form-data body with one file part, as {@code rooms.media} takes it (field {@code file}). */
final class MultipartBody {
    private final String boundary;
    private final byte[] bytes;

    private MultipartBody(String boundary, byte[] bytes) {
        this.boundary = boundary;
        this.bytes = bytes;
    }

    static MultipartBody file(String field, String fileName, String contentType, byte[] content) {
        if (fileName.isBlank() || fileName.contains("\"") || fileName.contains("\r") || fileName.contains("\n")) {
            throw new IllegalArgumentException("a file name must be non-blank, without quotes or line breaks");
        }
        String boundary = "rcbench" + Long.toHexString(ThreadLocalRandom.current().nextLong())
            + Long.toHexString(ThreadLocalRandom.current().nextLong());
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 256);
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
            + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new MultipartBody(boundary, out.toByteArray());
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    byte[] bytes() {
        return bytes;
    }
}
