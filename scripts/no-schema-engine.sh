#!/bin/sh
echo "The native Prisma schema engine is not used here: see lib/db/migrate.ts" >&2
exit 1
