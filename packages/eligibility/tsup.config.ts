import { defineConfig } from 'tsup';
import { groundworkTsup } from '../../tsup.base';

export default defineConfig(groundworkTsup());
