package org.candor.publiclog;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/**
 * The public log in the formats the transparency world reads (C2SP): the signed checkpoint, the Merkle tree as
 * tlog-tiles with entry bundles, and a tlog-proof receipt per entry. Go's {@code golang.org/x/mod/sumdb/tlog} and
 * {@code note} packages, the transparency-dev tools and witnesses read the same bytes. Everything is read from the
 * database as it is now (no cache in the server: a change behind Candor's back must show to the next reader); full
 * tiles never change, so clients and proxies may keep them for a year.
 */
@Path("/log")
public class TlogResource {

    private static final CacheControl IMMUTABLE = CacheControl.valueOf("public, max-age=31536000, immutable");
    private static final CacheControl SHORT = CacheControl.valueOf("public, max-age=5");

    private final TiledLog log;

    TlogResource(TiledLog log) {
        this.log = log;
    }

    @GET
    @Path("checkpoint")
    @Produces("text/plain; charset=utf-8")
    public Response checkpoint() {
        return Response.ok(log.servedCheckpoint().note()).cacheControl(SHORT).build();
    }

    @GET
    @Path("tile/{path: .+}")
    @Produces("application/octet-stream")
    public Response tile(@PathParam("path") String path) {
        TilePath tile = TilePath.parse(path).orElseThrow(NotFoundException::new);
        byte[] body = (tile.entries() ? log.entryBundle(tile) : log.hashTile(tile)).orElseThrow(NotFoundException::new);
        return Response.ok(body).cacheControl(tile.full() ? IMMUTABLE : SHORT).build();
    }

    /**
     * The texts and salts that open the commitments of an entry bundle's entries, one flat JSON object per line in
     * the bundle's order (nulls where a text was erased): Candor's own companion to tlog-tiles, at a URL of its own.
     */
    @GET
    @Path("texts/{path: .+}")
    @Produces("application/x-ndjson; charset=utf-8")
    public Response texts(@PathParam("path") String path) {
        TilePath tile = TilePath.parse("entries/" + path).orElseThrow(NotFoundException::new);
        // erasure changes what is served here, so even a full bundle's texts are kept only briefly
        return Response.ok(log.texts(tile).orElseThrow(NotFoundException::new)).cacheControl(SHORT).build();
    }

    @GET
    @Path("entries/{seq}/proof")
    @Produces("text/plain; charset=utf-8")
    public Response proof(@PathParam("seq") long seq) {
        String proof = log.receipt(seq).orElseThrow(NotFoundException::new);
        return Response.ok(proof).cacheControl(SHORT)
                .header("Content-Disposition", "inline; filename=\"candor-entry-" + seq + ".tlog-proof\"").build();
    }
}
