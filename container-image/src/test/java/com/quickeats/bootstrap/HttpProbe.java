package com.quickeats.bootstrap;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * What a kubelet's HTTP probe does, run inside the image's network namespace (by {@code nsenter}, with the
 * host's java): GETs each URL once and prints {@code <status> <url>}, or {@code 0 <url>} if it got no answer.
 */
public final class HttpProbe {
    private HttpProbe() {
    }

    public static void main(String[] urls) {
        for (String url : urls) {
            int status;
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
                connection.setConnectTimeout(2_000);
                connection.setReadTimeout(5_000);
                status = connection.getResponseCode();
                connection.disconnect();
            } catch (IOException e) {
                status = 0;
            }
            System.out.println(status + " " + url);
        }
    }
}
