package org.candor.web;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Paths;

/**
 * Keeps the OpenAPI document to the JSON API under {@code /api}: the HTML pages and their forms are resources too, but
 * they are not an API anyone should program against (registered with {@code mp.openapi.filter}).
 */
public class ApiOnlyOpenApi implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Paths paths = openAPI.getPaths();
        if (paths == null || paths.getPathItems() == null) {
            return;
        }
        for (String path : List.copyOf(paths.getPathItems().keySet())) {
            if (!path.equals("/api") && !path.startsWith("/api/")) {
                paths.removePathItem(path);
            }
        }
    }
}
