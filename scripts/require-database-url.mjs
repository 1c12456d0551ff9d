// Guards `pnpm test:postgres`: without DATABASE_URL it would silently run on PGlite.
if (!process.env.DATABASE_URL) {
  console.error(
    'test:postgres needs DATABASE_URL, e.g. DATABASE_URL=postgres://user:pass@127.0.0.1:5432/groundwork_test pnpm test:postgres',
  );
  process.exit(1);
}
