package org.candor.web;

/** Where a "back" link may go: only a path on this site, never an open redirect to somewhere else. */
public final class LocalPath {

    private LocalPath() {
    }

    public static String orHome(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.startsWith("/\\")
                || back.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        return back;
    }
}
