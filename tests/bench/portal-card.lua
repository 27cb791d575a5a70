-- portal-card.lua — wrk: GET random cards (/p/UID) as one browser visitor.
-- Arguments after "--": the file of uids. $BENCH_COOKIE: the visitor cookie.
local uids = {}
local cookie = os.getenv("BENCH_COOKIE") or ""

init = function(args)
  for line in io.lines(args[1]) do
    uids[#uids + 1] = line
  end
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

request = function()
  local uid = uids[math.random(#uids)]
  return wrk.format("GET", "/p/" .. uid, {
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) portal-bench",
    ["Cookie"] = cookie,
  })
end
