import { Form, Link, NavLink } from '@remix-run/react';
import styles from './site-header.module.css';

/** Who is signed in and which practices they can switch between. */
export interface SiteHeaderProps {
  user: { name: string; email: string } | null;
  practices: ReadonlyArray<{ id: string; name: string }>;
  currentPracticeId: string | null;
}

/**
 * The header on every portal page: the wordmark, the main navigation and,
 * for people in more than one practice, the practice switcher (a plain form,
 * so it works without JavaScript).
 */
export function SiteHeader({ user, practices, currentPracticeId }: SiteHeaderProps) {
  return (
    <header className={`site-header ${styles.header}`}>
      <div className={`site-header__inner ${styles.inner}`}>
        <Link to="/" className={`brand ${styles.brand}`}>
          Groundwork
        </Link>
        <nav aria-label="Main">
          <ul className={`nav-list ${styles.navList}`}>
            <li>
              <NavLink to="/guide">Guide</NavLink>
            </li>
            {user ? (
              <>
                <li>
                  <NavLink to="/practices" end>
                    Practices
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/account">Account</NavLink>
                </li>
                <li>
                  <Form method="post" action="/logout">
                    <button type="submit" className="link-button">
                      Log out
                    </button>
                  </Form>
                </li>
              </>
            ) : (
              <>
                <li>
                  <NavLink to="/login">Log in</NavLink>
                </li>
                <li>
                  <NavLink to="/signup">Sign up</NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
        {user && practices.length > 1 ? (
          <Form
            method="post"
            action="/practices/switch"
            className={`practice-switcher ${styles.switcher}`}
          >
            <label htmlFor="switch-practice">Current practice</label>
            <select
              key={currentPracticeId ?? 'none'}
              id="switch-practice"
              name="practiceId"
              defaultValue={currentPracticeId ?? undefined}
            >
              {practices.map((practice) => (
                <option key={practice.id} value={practice.id}>
                  {practice.name}
                </option>
              ))}
            </select>
            <button type="submit" className="secondary button-small">
              Switch
            </button>
          </Form>
        ) : null}
      </div>
    </header>
  );
}
