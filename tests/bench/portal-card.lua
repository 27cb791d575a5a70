-- portal-card.lua — wrk: random cards as one browser visitor: GET /p/UID,
-- or, with "like", POST /p/UID/like with a valid CSRF token, so that every
-- first like of a card is stored and a repeat is recognised.
-- Arguments after "--": the file of uids, then "like" for likes.
-- $BENCH_COOKIE: the visitor cookie; $BENCH_CSRF: its token (for likes).
local uids = {}
local headers = {
  ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) portal-bench",
  ["Cookie"] = os.getenv("BENCH_COOKIE") or "",
}
local method, suffix, body = "GET", "", nil

init = function(args)
  for line in io.lines(args[1]) do
    uids[#uids + 1] = line
  end
  if args[2] == "like" then
    method, suffix = "POST", "/like"
    body = "csrf=" .. (os.getenv("BENCH_CSRF") or "")
    headers["Content-Type"] = "application/x-www-form-urlencoded"
  end
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

request = function()
  local uid = uids[math.random(#uids)]
  return wrk.format(method, "/p/" .. uid .. suffix, headers, body)
end
