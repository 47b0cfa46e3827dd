// `npm run build` runs this first: the shape of the result schema, which the bundle carries as a
// constant (see src/report/shape.ts and src/render/formats/json.ts).
import { Report } from '../report/model.js';
import { shapeOf } from '../report/shape.js';

process.stdout.write(JSON.stringify(shapeOf(Report)));
