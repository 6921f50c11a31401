-- wrk script of bench/cluster-benchmark: 90 % reads of pages and API answers across the paths in MIX_PATHS,
-- 10 % writes (the roadmap's vision, which makes the roadmap's kept pages stale, and a vote on a proposal, which
-- makes every page showing the discussion stale — the processes' pages among them); wrk's threads take
-- turns between the addresses in MIX_HOSTS ("127.0.0.1:18201 127.0.0.1:18202"), so each instance gets half.
local paths, token, proposal = {}, os.getenv("MIX_TOKEN"), os.getenv("MIX_PROPOSAL")
for line in io.lines(os.getenv("MIX_PATHS")) do paths[#paths + 1] = line end

local hosts, next_host = {}, 0
for host in string.gmatch(os.getenv("MIX_HOSTS"), "%S+") do hosts[#hosts + 1] = host end

function setup(thread)
   next_host = next_host % #hosts + 1
   local host, port = string.match(hosts[next_host], "([^:]+):(%d+)")
   thread.addr = wrk.lookup(host, port)[1]
end

local n = 0
function init(args)
   math.randomseed(os.time() + tonumber(string.sub(tostring({}), 8), 16))
end

function request()
   n = n + 1
   local draw = math.random()
   if draw < 0.05 then
      local body = '{"statement": "Zielbild, Schreibzugriff ' .. n .. '"}'
      return wrk.format("PUT", "/api/v1/roadmap/vision",
         { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
   elseif draw < 0.1 then
      return wrk.format("POST", "/api/v1/proposals/" .. proposal .. "/vote", { ["Authorization"] = "Bearer " .. token })
   end
   local path = paths[math.random(#paths)]
   local headers = {}
   if string.sub(path, 1, 5) == "/api/" then headers["Authorization"] = "Bearer " .. token end
   return wrk.format("GET", path, headers)
end

function done(summary, latency, requests)
   io.write(string.format("RESULT %d %d %d %d %d %.2f %.2f %.2f %.2f\n", summary.requests, summary.errors.status,
      summary.errors.connect, summary.errors.read + summary.errors.write, summary.errors.timeout,
      summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000))
end
