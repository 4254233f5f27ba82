-- wrk script for `make bench`: POST /api/v1/check with a bearer token (env CHORUS_TOKEN),
-- cycling through posts in four languages.
local posts = {
  '{"text": "Great day at the conference, thanks to the whole team!", "lang": "en"}',
  '{"text": "Project Nightingale launches next month, our Q3 revenue was 4.2 million EUR"}',
  '{"text": "Šodien tikāmies ar Rīgas Pienam komandu, Baltpay ir krāpnieki."}',
  '{"text": "Wdrożenie dla Gdańskiej Logistyki Portowej idzie świetnie."}',
  '{"text": "היום סגרנו עסקה גדולה עם מגדל אופטיקה"}',
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("POST", "/api/v1/check", {
    ["Authorization"] = "Bearer " .. os.getenv("CHORUS_TOKEN"),
    ["Content-Type"] = "application/json",
  }, posts[(i % #posts) + 1])
end

-- CHECK_DELAY_MS: each connection waits this long between requests, so that a fixed number of
-- connections offers a fixed rate (64 connections at 32 ms: about 2,000 requests/s).
local pause = tonumber(os.getenv("CHECK_DELAY_MS") or "0")
if pause > 0 then
  delay = function() return pause end
end
