-- GET with the Authorization header from BENCH_AUTHORIZATION ("Basic <base64 user:password>"). Used for the
-- trivial JSON endpoint of the load run (load-run.sh): same service, same authentication, almost no work.
wrk.headers["Authorization"] = os.getenv("BENCH_AUTHORIZATION")
