/** Static paths and links shared by a lesson's three views: reading page, slides, presenter. */
import { lessonsInOrder, href, type Lesson } from '../lib/lessons.ts';

export async function lessonPaths() {
  const lessons = await lessonsInOrder();
  return lessons.map((lesson) => ({ params: { slug: lesson.id }, props: { lesson } }));
}

export interface LessonViewLinks {
  reading: string;
  slides: string;
  presenter: string;
}

export function lessonViewLinks(lesson: Lesson): LessonViewLinks {
  return {
    reading: href(`lessons/${lesson.id}/`),
    slides: href(`lessons/${lesson.id}/slides/`),
    presenter: href(`lessons/${lesson.id}/presenter/`),
  };
}
