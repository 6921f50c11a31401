-- wrk script of bench/cluster-benchmark: 90 % reads of pages and API answers across the paths in MIX_PATHS,
-- 10 % writes (the share MIX_WRITES): half change the roadmap's vision through the API (the roadmap's kept overview
-- shows the new vision, the roadmap's API answers carry it), half write a comment on a random process through its page's form (that process's kept page
-- becomes stale, in both instances). wrk's threads take turns between the addresses in MIX_HOSTS ("127.0.0.1:18201 127.0.0.1:18202"),
-- so each instance gets half.
local paths, processes, token = {}, {}, os.getenv("MIX_TOKEN")
for line in io.lines(os.getenv("MIX_PATHS")) do
   paths[#paths + 1] = line
   local process = string.match(line, "^/processes/([^/]+)$")
   if process then processes[#processes + 1] = process end
end
-- The form token is a double-submit cookie: any 64 hex digits, sent as cookie and as field.
local form = string.rep("0123456789abcdef", 4)

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

local share = tonumber(os.getenv("MIX_WRITES") or "0.1")

function request()
   n = n + 1
   local draw = math.random()
   if draw < share / 2 then
      local body = '{"statement": "Zielbild, Schreibzugriff ' .. n .. '"}'
      return wrk.format("PUT", "/api/v1/roadmap/vision",
         { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
   elseif draw < share then
      local process = processes[math.random(#processes)]
      return wrk.format("POST", "/processes/" .. process .. "/comments",
         { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = "amtsweg_form=" .. form },
         "csrf=" .. form .. "&step=&text=Kommentar+" .. n)
   end
   local path = paths[math.random(#paths)]
   local headers = {}
   if string.sub(path, 1, 5) == "/api/" then headers["Authorization"] = "Bearer " .. token end
   return wrk.format("GET", path, headers)
end

-- Redirects (303 after a comment) are answers; wrk counts only 4xx and 5xx as errors.
function done(summary, latency, requests)
   io.write(string.format("RESULT %d %d %d %d %d %.2f %.2f %.2f %.2f\n", summary.requests, summary.errors.status,
      summary.errors.connect, summary.errors.read + summary.errors.write, summary.errors.timeout,
      summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000))
end
