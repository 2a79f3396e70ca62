-- wrk script: request the paths listed in the file named by PATHS_FILE in turn (each
-- wrk thread from its own offset), as a phone would (scans of trace pages count only
-- for a browser's User-Agent), and print the figures as one JSON line at the end.
local paths = {}
local counter = 0

function init(args)
  for line in io.lines(os.getenv("PATHS_FILE")) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  counter = math.random(#paths)
end

wrk.headers["User-Agent"] = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
wrk.headers["Accept-Language"] = "vi-VN,vi;q=0.9"
-- As every phone's browser: cached pages are then served gzipped (core/page_cache.py).
wrk.headers["Accept-Encoding"] = "gzip, deflate, br"

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'JSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d, ' ..
    '"non_2xx": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, errors.status,
    errors.connect + errors.read + errors.write + errors.timeout))
end
