/** GET /api/me/todo: what the logged-in person has to act on (the start page). */
import type { RoutesPlugin } from '../../route-types.js';
import type { TodoService } from '../../../services/todo.service.js';
import { errorResponses } from '../../schemas.js';
import { TodoSchema } from './todo-schemas.js';

export const todoRoutes: RoutesPlugin<{ todo: TodoService }> = async (app, opts) => {
  app.get(
    '/api/me/todo',
    {
      // Each list inside is limited by the person's own permissions and sites (todo.service.ts).
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary:
          'My to-do list: assessments to decide or advise on, reviews and expiries, incident reports to complete, viewing requests awaiting my approval, holds about to lapse',
        response: { 200: TodoSchema, ...errorResponses(401) },
      },
    },
    async (req) => ({ items: await opts.todo.forUser(req.auth!.user, req.auth!.actor) }),
  );
};
