import './base.css';
import './foryou.css';
import './bibliography.css';
