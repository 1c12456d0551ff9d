import { groundworkTsup } from '../../tsup.base';

export default groundworkTsup();
