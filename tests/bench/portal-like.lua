-- portal-like.lua — wrk: POST /p/UID/like on random cards as one browser
-- visitor with a valid CSRF token, so every first like of a card is stored
-- and a repeat is recognised. Arguments after "--": the file of uids.
-- $BENCH_COOKIE: the visitor cookie; $BENCH_CSRF: its token.
local uids = {}
local cookie = os.getenv("BENCH_COOKIE") or ""
local body = "csrf=" .. (os.getenv("BENCH_CSRF") or "")

init = function(args)
  for line in io.lines(args[1]) do
    uids[#uids + 1] = line
  end
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

request = function()
  local uid = uids[math.random(#uids)]
  return wrk.format("POST", "/p/" .. uid .. "/like", {
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) portal-bench",
    ["Cookie"] = cookie,
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, body)
end
