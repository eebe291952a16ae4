/** TypeBox schemas of the start page's to-do list. */
import { Type, type Static } from 'typebox';
import type { TodoItem } from '../../../core/todo/todo.js';
import { Nullable, everyFieldOf } from '../../schemas.js';

export const TodoItemSchema = everyFieldOf<TodoItem>()(
  Type.Object({
    kind: Type.Union([
      Type.Literal('decide'),
      Type.Literal('advise'),
      Type.Literal('review'),
      Type.Literal('expires'),
      Type.Literal('report'),
      Type.Literal('approve-viewing'),
      Type.Literal('hold-lapses'),
      Type.Literal('answer-complaint'),
      Type.Literal('answer-request'),
    ]),
    id: Type.String(),
    title: Nullable(Type.String()),
    roomId: Nullable(Type.String()),
    incidentId: Nullable(Type.String()),
    person: Nullable(Type.String()),
    at: Type.String(),
    overdue: Type.Boolean(),
  }),
);
export const TodoSchema = Type.Object({ items: Type.Array(TodoItemSchema) });
export type TodoView = Static<typeof TodoSchema>;
