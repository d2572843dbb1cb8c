-- wrk script: bench/signed.lua's requests without its check of each answer (see there), for measured windows: wrk
-- then reads answers as it does for every other row (status counted, bodies not copied into Lua).
dofile("bench/signed.lua")
response = nil
