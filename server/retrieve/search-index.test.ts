import { beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../runtime.js';
import { getTestRuntime } from '../testing/test-runtime.js';

let runtime: Runtime;
beforeAll(async () => {
  runtime = await getTestRuntime();
});

describe('section positions of the loaded index', () => {
  it('name, for every unit, the section its id names', () => {
    const search = runtime.snapshot.search;
    expect(search.chunkSectionPositions).toHaveLength(search.chunks.length);
    search.chunks.forEach((chunk, chunkIndex) => expect(search.sections[search.chunkSectionPositions[chunkIndex]].id).toBe(chunk.sectionId));
    search.sections.forEach((section, position) => expect(search.sectionPositionById.get(section.id)).toBe(position));
  });

  it("name, for every example question, its section and the unit its point names", () => {
    const search = runtime.snapshot.search;
    expect(search.questionSectionPositions).toHaveLength(search.questions.length);
    let pointed = 0;
    search.questions.forEach((question, position) => {
      expect(search.sections[search.questionSectionPositions[position]].id).toBe(question.sectionId);
      const chunkIndex = search.questionPointChunks[position];
      if (question.point === undefined) expect(chunkIndex).toBe(-1);
      else {
        pointed += 1;
        expect(search.chunks[chunkIndex].sectionId).toBe(question.sectionId);
        expect(search.chunkIndexesBySection.get(question.sectionId)![question.point]).toBe(chunkIndex);
      }
    });
    // The curated questions mostly name the sentence that answers them; a build where none did would test nothing.
    expect(pointed).toBeGreaterThan(search.questions.length / 2);
  });
});
