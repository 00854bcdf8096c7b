import type { Request, Response } from 'express';
import { authenticate } from '../../auth/users.js';
import { createSession, endSession } from '../../auth/sessions.js';
import { createUser, listUsers } from '../../auth/users.js';
import { createToken, listTokens, revokeToken } from '../../auth/tokens.js';
import { userRoles, tokenRoles } from '../../auth/permissions.js';
import type { AppContext } from '../../context.js';
import { getDocumentDetail, importDocument, listDocumentSummaries } from '../../documents/service.js';
import { listExporters } from '../../exports/registry.js';
import { exportVersion } from '../../exports/service.js';
import { latestJob, startTranslation } from '../../jobs/translate-job.js';
import { reviewAnnotations } from '../../review/annotations.js';
import { approveDocument, reopenDocument } from '../../review/approval.js';
import { clearSessionCookie, principalOf, SESSION_COOKIE, setSessionCookie } from '../authenticate.js';
import { safeNext } from '../next-path.js';
import { idParam } from '../params.js';
import { reviewView } from './review-view.js';

const notices: Record<string, string> = {
  approved: 'Approved. The new version is ready to export.',
  reopened: 'Reopened for editing. Approved versions stay as they were.',
  translating: 'Machine translation started.',
  user: 'User created.',
  disabled: 'User disabled: their sessions ended and the API tokens they created were revoked.',
  enabled: 'User enabled: they can sign in again.',
  password: 'New password set; the user was signed out everywhere.',
  revoked: 'Token revoked.',
};

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export const pageHandlers = (ctx: AppContext) => ({
  loginForm(req: Request, res: Response) {
    if (req.principal) return res.redirect('/');
    res.render('auth/login', { title: 'Sign in', next: safeNext(req.query.next), error: null, username: '' });
  },

  async login(req: Request, res: Response) {
    const username = str(req.body?.username) ?? '';
    const user = await authenticate(ctx.db, username, str(req.body?.password) ?? '');
    if (!user) {
      res.status(401).render('auth/login', { title: 'Sign in', next: safeNext(req.body?.next), error: 'Wrong username or password', username });
      return;
    }
    const { token, expiresAt } = await createSession(ctx.db, user.id, ctx.config.TANDEM_SESSION_HOURS);
    setSessionCookie(req, res, token, expiresAt);
    res.redirect(safeNext(req.body?.next));
  },

  async logout(req: Request, res: Response) {
    const token = req.signedCookies?.[SESSION_COOKIE] as string | undefined;
    if (token) await endSession(ctx.db, token);
    clearSessionCookie(res);
    res.redirect('/login');
  },

  async documents(req: Request, res: Response) {
    res.render('documents/list', {
      title: 'Documents',
      documents: await listDocumentSummaries(ctx),
      engines: ctx.engines.list(),
      defaultEngine: ctx.config.TANDEM_DEFAULT_ENGINE,
      maxUploadMb: ctx.config.TANDEM_MAX_UPLOAD_MB,
    });
  },

  async importDocument(req: Request, res: Response) {
    const text = str(req.body?.text);
    const { document } = await importDocument(
      ctx,
      {
        title: str(req.body?.title) || undefined,
        text: req.file ? undefined : text,
        bytes: req.file?.buffer,
        filename: req.file?.originalname,
        contentType: req.file?.mimetype,
        engine: str(req.body?.engine) || undefined,
      },
      principalOf(req),
    );
    res.redirect(303, `/documents/${document.id}`);
  },

  async review(req: Request, res: Response) {
    const detail = await getDocumentDetail(ctx, idParam(req, 'id'));
    res.render('review/document', {
      title: detail.document.title,
      ...reviewView(detail, principalOf(req), await reviewAnnotations(ctx, detail.document.id, detail.segments)),
      engines: ctx.engines.list(),
      exporters: listExporters(),
      lastJob: await latestJob(ctx, detail.document.id),
      notice: notices[str(req.query.notice) ?? ''] ?? null,
    });
  },

  async translate(req: Request, res: Response) {
    const id = idParam(req, 'id');
    await startTranslation(ctx, id, { engine: str(req.body?.engine) || undefined }, principalOf(req));
    res.redirect(303, `/documents/${id}?notice=translating`);
  },

  async approve(req: Request, res: Response) {
    const id = idParam(req, 'id');
    await approveDocument(ctx, id, principalOf(req));
    res.redirect(303, `/documents/${id}?notice=approved`);
  },

  async reopen(req: Request, res: Response) {
    const id = idParam(req, 'id');
    await reopenDocument(ctx, id, principalOf(req), str(req.body?.reason));
    res.redirect(303, `/documents/${id}?notice=reopened`);
  },

  async download(req: Request, res: Response) {
    const file = await exportVersion(ctx, idParam(req, 'id'), idParam(req, 'n'), str(req.query.format) ?? 'json');
    res.type(file.contentType).attachment(file.filename).send(file.body);
  },

  async admin(req: Request, res: Response) {
    res.render('admin/index', {
      title: 'Users and tokens',
      users: await listUsers(ctx.db),
      tokens: await listTokens(ctx.db),
      userRoles,
      tokenRoles,
      newToken: null,
      notice: notices[str(req.query.notice) ?? ''] ?? null,
    });
  },

  async addUser(req: Request, res: Response) {
    await createUser(ctx.db, { username: str(req.body?.username) ?? '', password: str(req.body?.password) ?? '', role: str(req.body?.role) as never });
    res.redirect(303, '/admin?notice=user');
  },

  async addToken(req: Request, res: Response) {
    const created = await createToken(ctx.db, { name: str(req.body?.name) ?? '', role: str(req.body?.role) ?? '' }, principalOf(req).userId);
    // The secret is shown on this one response and never again.
    res.render('admin/index', {
      title: 'Users and tokens',
      users: await listUsers(ctx.db),
      tokens: await listTokens(ctx.db),
      userRoles,
      tokenRoles,
      newToken: created,
      notice: null,
    });
  },

  async revokeToken(req: Request, res: Response) {
    await revokeToken(ctx.db, idParam(req, 'id'));
    res.redirect(303, '/admin?notice=revoked');
  },
});
