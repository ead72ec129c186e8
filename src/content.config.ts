import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { glob } from 'astro/loaders';

/** Lessons are MDX files in the top-level content/ folder; a new lecture is one more file. */
const lessons = defineCollection({
  loader: glob({ base: './content', pattern: '**/*.mdx' }),
  schema: z.object({
    title: z.string(),
    /** Course numbering, e.g. "6.2"; lessons are ordered by it. */
    number: z.string().regex(/^\d+(\.\d+)*$/),
    course: z.string(),
    lecturer: z.string(),
    institution: z.string(),
    summary: z.string(),
    /** Where the slide text this lesson mirrors comes from. */
    source: z.string().optional(),
  }),
});

export const collections = { lessons };
