/**
 * The front matter of a briefing: the facts of one article with global entity ids. The emit stage
 * writes it, Astro's content config validates it with this same schema.
 */
import { z } from 'astro/zod';

const sentenceId = z.string().regex(/^(s\d+|title)$/);

const entity = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  aliases: z.array(z.string()),
  roles: z.array(z.string()),
  mentions: z.number().int().nonnegative(),
  sentences: z.array(sentenceId),
});

export const briefingSchema = z.object({
  title: z.string().min(1),
  /** The input file, relative to the project. */
  file: z.string(),
  /** The article's own address on the web, when known. */
  source: z.string().nullable(),
  outlet: z.string().nullable(),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  truncated: z.string().nullable(),
  summary: z.array(z.string()),
  summarySource: z.enum(['outlet', 'extracted']),
  outletSummary: z.object({ label: z.string(), note: z.string().nullable(), items: z.array(z.string()) }).nullable(),
  keyFacts: z.array(z.string()),
  people: z.array(entity),
  organizations: z.array(entity),
  places: z.array(entity),
  issues: z.array(z.object({ id: z.string().min(1), name: z.string().min(1), aliases: z.array(z.string()), sentences: z.array(sentenceId), weight: z.number() })),
  dates: z.array(z.object({ text: z.string(), value: z.string(), mod: z.string().nullable(), sentence: sentenceId })),
  figures: z.array(z.object({ text: z.string(), kind: z.string(), sentence: sentenceId })),
  quotes: z.array(z.object({
    speaker: z.string().nullable(),
    speakerId: z.string().nullable(),
    speakerKind: z.enum(['person', 'organization']).nullable(),
    text: z.string(),
    sentence: sentenceId,
  })),
  /** Every sentence's text by anchor, so entity and date pages can quote without parsing bodies. */
  sentences: z.array(z.object({ id: sentenceId, text: z.string() })),
});

export type BriefingData = z.infer<typeof briefingSchema>;
export type EntityData = z.infer<typeof entity>;
