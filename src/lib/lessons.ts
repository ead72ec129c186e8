import { getCollection, type CollectionEntry } from 'astro:content';
import { compareLessonNumbers, withBase } from './lesson-order.ts';

export type Lesson = CollectionEntry<'lessons'>;

export async function lessonsInOrder(): Promise<Lesson[]> {
  const all = await getCollection('lessons');
  return all.sort((a, b) => compareLessonNumbers(a.data.number, b.data.number));
}

/** A link inside the site, with the configured base path. */
export function href(path: string): string {
  return withBase(import.meta.env.BASE_URL, path);
}
