-- wrk reporting hook: one machine-readable line per run (requests, req/s, p50, p99, p99.9 in ms, errors).
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
      + summary.errors.timeout
  io.write(string.format("RESULT %d %.0f %.2f %.2f %.2f %d\n", summary.requests,
      summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      latency:percentile(99.9) / 1000, errors))
end
