/** The data shipped in data/ and the attribution its licences require (kept in step with data/SOURCES.md). */
export interface DataSource {
  title: string;
  files: string[];
  publisher: string;
  licence: string;
  attribution: string;
}

const OGL = 'Open Government Licence v3.0';
const OGL_ATTRIBUTION = 'Contains public sector information licensed under the Open Government Licence v3.0.';
const OS_ATTRIBUTION =
  'Contains OS data © Crown copyright and database right. Source: Office for National Statistics licensed under the Open Government Licence v3.0.';

export const DATA_SOURCES: DataSource[] = [
  {
    title: 'UK local authorities: names, codes, types and relationships',
    files: ['data/areas/uk_local_authorities_current.csv'],
    publisher: 'mySociety',
    licence: 'CC BY 4.0',
    attribution: 'Local authority names and codes © mySociety, CC BY 4.0.',
  },
  {
    title: 'Local authority composite deprivation index',
    files: ['data/areas/mysociety_la_imd.csv'],
    publisher: 'mySociety',
    licence: 'CC BY 4.0',
    attribution: 'Composite deprivation index © mySociety, CC BY 4.0.',
  },
  {
    title: 'Ward, district and county lookups (2019)',
    files: ['data/areas/ons_ward_to_lad_dec2019_uk.csv', 'data/areas/ons_ward_lad_county_ced_may2019_england.csv'],
    publisher: 'Office for National Statistics',
    licence: OGL,
    attribution: OS_ATTRIBUTION,
  },
  {
    title: 'LSOA Index of Multiple Deprivation 2019 lookup',
    files: ['data/areas/ons_imd2019_lsoa_lad_england.csv'],
    publisher: 'Office for National Statistics / MHCLG',
    licence: OGL,
    attribution: OGL_ATTRIBUTION,
  },
  {
    title: 'Local authority boundaries and changes 2014–2025',
    files: ['data/boundaries/ons_uk_topo_2014_2025.json', 'data/boundaries/ons_la_changes_2014_2025.csv'],
    publisher: 'Office for National Statistics (ONSvisual)',
    licence: OGL,
    attribution: OS_ATTRIBUTION,
  },
  {
    title: 'Greater Manchester and Trafford ward boundaries (2023)',
    files: [
      'data/boundaries/trafford_lab_gm_ward_2023_super_generalised.geojson',
      'data/boundaries/trafford_lab_trafford_ward_2023_generalised.geojson',
    ],
    publisher: 'Trafford Data Lab',
    licence: OGL,
    attribution: OS_ATTRIBUTION,
  },
  {
    title: 'Household waste recycling rate, all councils',
    files: ['data/indicators/trafford_lab_household_recycling_rate_all_LAs.csv'],
    publisher: 'Defra, StatsWales, SEPA and DAERA, compiled by Trafford Data Lab',
    licence: OGL,
    attribution: OGL_ATTRIBUTION,
  },
  {
    title: 'Adult social care measures and nearest neighbours',
    files: ['data/indicators/oflog_asc_data.csv', 'data/indicators/oflog_nearest_neighbours.json'],
    publisher: 'Office for Local Government (Oflog)',
    licence: OGL,
    attribution: OGL_ATTRIBUTION,
  },
  {
    title: 'Trafford ward indicators',
    files: ['data/indicators/trafford_ward_indicators.csv', 'data/indicators/trafford_ward_indicator_meta.csv'],
    publisher: 'Trafford Data Lab',
    licence: OGL,
    attribution: OGL_ATTRIBUTION,
  },
  {
    title: 'Trafford CIPFA nearest neighbours (2021)',
    files: ['data/indicators/trafford_comparator_group_cipfa2021.csv'],
    publisher: 'Trafford Data Lab',
    licence: OGL,
    attribution: OGL_ATTRIBUTION,
  },
];
