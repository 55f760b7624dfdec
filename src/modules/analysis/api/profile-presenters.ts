/** JSON for gaps, area profiles and time series. */
import { z } from 'zod';
import type { AreaGap } from '../gap.service.ts';
import type { AreaProfile } from '../profile.service.ts';
import type { TimeSeries } from '../time-series.service.ts';
import { figureSchema, indicatorSummarySchema, periodSchema, presentFigure, presentPeriod } from './presenters.ts';

const groupSchema = z.object({ codes: z.array(z.string()), value: z.number(), method: z.string() });
export const gapSchema = z.object({
  areaCode: z.string(),
  indicator: z.string(),
  partType: z.string(),
  parts: z.number().int(),
  deprivation: z.object({ source: z.string(), period: z.string().nullable(), mostDeprived: z.enum(['lowest', 'highest']) }),
  periods: z.array(
    z.object({
      period: periodSchema,
      gap: z.number().nullable(),
      method: z.string().nullable(),
      mostDeprived: groupSchema.nullable(),
      leastDeprived: groupSchema.nullable(),
      reason: z.string().nullable(),
      change: z.string().nullable(),
    }),
  ),
  overall: z.string().nullable(),
});

export function presentGap(g: AreaGap): z.infer<typeof gapSchema> {
  return {
    areaCode: g.areaCode,
    indicator: g.indicator,
    partType: g.partType,
    parts: g.parts,
    deprivation: g.deprivation,
    periods: g.periods.map((p) =>
      p.result.ok
        ? {
            period: presentPeriod(p.period),
            gap: p.result.gap,
            method: p.result.method,
            mostDeprived: p.result.mostDeprived,
            leastDeprived: p.result.leastDeprived,
            reason: null,
            change: p.change,
          }
        : {
            period: presentPeriod(p.period),
            gap: null,
            method: null,
            mostDeprived: null,
            leastDeprived: null,
            reason: p.result.reason,
            change: null,
          },
    ),
    overall: g.overall,
  };
}

const pointSchema = z
  .object({ period: periodSchema, value: z.number().nullable(), formatted: z.string(), status: z.string().nullable() })
  .nullable();
export const profileSchema = z.object({
  area: z.object({ code: z.string(), name: z.string(), type: z.string() }),
  asOf: z.string().nullable(),
  group: z.object({ id: z.string(), name: z.string(), size: z.number().int() }),
  items: z.array(
    z.object({
      indicator: z.object({
        code: z.string(),
        title: z.string(),
        summary: z.string(),
        theme: z.string().nullable(),
        unit: z.string(),
        polarity: z.string(),
        source: z.string().nullable(),
      }),
      latest: pointSchema,
      previous: pointSchema,
      direction: z
        .object({ direction: z.string(), change: z.number(), significant: z.boolean().nullable(), words: z.string() })
        .nullable(),
      comparison: z
        .object({
          rank: z.number().int(),
          rankLabel: z.string(),
          quartile: z.number().int(),
          of: z.number().int(),
          judged: z.boolean(),
        })
        .nullable(),
      sparkline: z.array(z.object({ period: z.string(), label: z.string(), value: z.number().nullable() })),
      flags: z.object({
        provisional: z.boolean(),
        suppressed: z.boolean(),
        derived: z.boolean(),
        coverage: z.string().nullable(),
      }),
    }),
  ),
});

export function presentProfile(p: AreaProfile): z.infer<typeof profileSchema> {
  return {
    area: { code: p.area.code, name: p.area.name, type: p.area.type },
    asOf: p.asOf,
    group: { id: p.group.id, name: p.group.name, size: p.group.memberCodes.length },
    items: p.items.map((i) => ({
      ...i,
      latest: i.latest ? { ...i.latest, period: presentPeriod(i.latest.period) } : null,
      previous: i.previous ? { ...i.previous, period: presentPeriod(i.previous.period) } : null,
    })),
  };
}

export const timeSeriesSchema = z.object({
  indicator: indicatorSummarySchema,
  area: z.object({ code: z.string(), name: z.string() }),
  points: z.array(
    figureSchema.extend({
      period: periodSchema,
      direction: z
        .object({ direction: z.string(), change: z.number(), significant: z.boolean().nullable(), words: z.string() })
        .nullable(),
    }),
  ),
});

export function presentTimeSeries(t: TimeSeries): z.infer<typeof timeSeriesSchema> {
  return {
    indicator: t.indicator,
    area: t.area,
    points: t.points.map((p) => ({
      ...presentFigure(t.indicator, p.figure, t.area.name),
      period: presentPeriod(p.period),
      direction: p.direction,
    })),
  };
}
