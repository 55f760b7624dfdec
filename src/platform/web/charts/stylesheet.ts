/** Where the charts' stylesheet is, for the page shell to serve or fold into its own CSS. */
import { join } from 'node:path';

export const CHARTS_STYLESHEET_PATH = join(import.meta.dirname, 'charts.css');
