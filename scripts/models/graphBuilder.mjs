// A small helper for writing ONNX graphs by hand: named nodes, constants and weights, encoded with onnxProto.
import { AttributeType, DataType, encodeModel } from './onnxProto.mjs';

export const OPSET = 17; // LayerNormalization is standard from 17; ReduceMax still takes `axes` as an attribute.

function attribute(name, value) {
  if (typeof value === 'number') {
    return Number.isInteger(value) && !Object.is(value, -0)
      ? { name, type: AttributeType.INT, i: value }
      : { name, type: AttributeType.FLOAT, f: value };
  }
  if (typeof value === 'object' && value.float !== undefined) return { name, type: AttributeType.FLOAT, f: value.float };
  if (Array.isArray(value)) return { name, type: AttributeType.INTS, ints: value };
  if (typeof value === 'string') return { name, type: AttributeType.STRING, s: Buffer.from(value) };
  throw new Error(`Unsupported attribute ${name}`);
}

function bytesOf(typed) {
  return Buffer.from(typed.buffer, typed.byteOffset, typed.byteLength);
}

export class GraphBuilder {
  nodes = [];
  initializers = [];
  inputs = [];
  outputs = [];
  counter = 0;

  /** Adds a node and returns its single output name (or all of them when `outputCount` > 1). */
  op(opType, inputs, attributes = {}, outputCount = 1) {
    const id = `${opType.toLowerCase()}_${this.counter++}`;
    const outputs = Array.from({ length: outputCount }, (_, i) => (outputCount === 1 ? id : `${id}_${i}`));
    this.nodes.push({
      op_type: opType,
      name: id,
      input: inputs,
      output: outputs,
      attribute: Object.entries(attributes).map(([name, value]) => attribute(name, value)),
    });
    return outputCount === 1 ? outputs[0] : outputs;
  }

  /** Names the output of `from` as `name` (Identity), for graph outputs. */
  rename(from, name) {
    this.nodes.push({ op_type: 'Identity', name: `identity_${name}`, input: [from], output: [name] });
    return name;
  }

  tensor(name, dataType, dims, typed) {
    this.initializers.push({ name, data_type: dataType, dims, raw_data: bytesOf(typed) });
    return name;
  }

  floats(name, dims, values) {
    return this.tensor(name, DataType.FLOAT, dims, Float32Array.from(values));
  }

  int64s(name, dims, values) {
    return this.tensor(name, DataType.INT64, dims, BigInt64Array.from(values.map((v) => BigInt(v))));
  }

  /** A float scalar constant. */
  scalar(name, value) {
    return this.floats(name, [], [value]);
  }

  input(name, elemType, dims) {
    this.inputs.push(valueInfo(name, elemType, dims));
  }

  output(name, elemType, dims) {
    this.outputs.push(valueInfo(name, elemType, dims));
  }

  encode({ name, docString }) {
    return encodeModel({
      ir_version: 8,
      producer_name: 'rerank-playground/make-test-models',
      producer_version: '1',
      doc_string: docString,
      opset_import: [{ domain: '', version: OPSET }],
      graph: {
        name,
        doc_string: docString,
        node: this.nodes,
        initializer: this.initializers,
        input: this.inputs,
        output: this.outputs,
      },
    });
  }
}

function valueInfo(name, elemType, dims) {
  return {
    name,
    type: {
      tensor_type: {
        elem_type: elemType,
        shape: { dim: dims.map((d) => (typeof d === 'string' ? { dim_param: d } : { dim_value: d })) },
      },
    },
  };
}
