import * as z from 'zod';

/** A row id in a URL: a UUID, else the route answers 404 without a query. */
export const UuidParamSchema = z.uuid();
