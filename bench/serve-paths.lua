-- wrk script for bench/run-serve.sh: each thread requests, in turn, the
-- paths listed in the file given after `--` (one per line), asking for
-- gzip as browsers do, and the 99th percentile latency is printed at the
-- end. wrk counts answers of 400 and above as failures itself.
local paths, n = {}, 0

function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
end

function request()
  n = n % #paths + 1
  return wrk.format("GET", paths[n], { ["Accept-Encoding"] = "gzip" })
end

function done(summary, latency, requests)
  io.write(string.format("p99_ms %.2f\n", latency:percentile(99) / 1000))
end
