package io.vigia.datasources.bindings.deploy;

/** The version part of a container image reference, as {@code docker pull} reads it. */
final class ImageRef {
    private ImageRef() {
    }

    /**
     * {@code registry:5000/team/api:2.14.1} gives {@code 2.14.1}; a digest-pinned image gives the
     * first 12 hex digits of its digest; an untagged one is {@code latest}, as the runtime reads it.
     */
    static String version(String image) {
        if (image == null || image.isEmpty()) {
            return "";
        }
        String name = image;
        String digest = null;
        int at = image.indexOf('@');
        if (at >= 0) {
            name = image.substring(0, at);
            digest = image.substring(at + 1);
        }
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        if (colon > slash) {
            return name.substring(colon + 1);
        }
        if (digest != null) {
            int c = digest.indexOf(':');
            String hex = c >= 0 ? digest.substring(c + 1) : digest;
            return "@" + (hex.length() > 12 ? hex.substring(0, 12) : hex);
        }
        return "latest";
    }
}
